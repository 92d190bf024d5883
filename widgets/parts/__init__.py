"""Chapter helpers, one module per part of the book's table of contents.

Each module serves the chapters of one part and imports only the generic layer
(``widgets.data``, ``charts``, ``tables``, ``diagrams``, ``claims``, ``explorer``, ``models``),
never another part module: a chapter may use two parts' helpers, a part module may not.

- :mod:`.debate`: the debate (chapter 00) and its tour of the essay's Tables 1-4
- :mod:`.labour`: Portes on labour migrants, networks and remittances (chapters 10-12)
- :mod:`.professionals`: Portes on professional migration (chapters 20-21)
- :mod:`.assimilation`: Portes on segmented assimilation (chapters 30-31)
- :mod:`.cities`: Sassen on immigrants in the global city (chapters 40-41)
- :mod:`.synthesis`: the synthesis of both essays (chapter 50)
- :mod:`.since`: "Since the essays", the later evidence of each part (chapters 13, 22, 32, 42) and
  the timeline; one module for the four chapters because they share one kind of source
"""

__all__ = ["assimilation", "cities", "debate", "labour", "professionals", "since", "synthesis"]
