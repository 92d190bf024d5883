"""The teaching kit of the book: the student edition, the sandboxed grader and the Gradescope export.

``teachkit student``, ``teachkit grade`` and ``teachkit gradescope`` (teachkit.teaching) read the
book's files from ``--book PATH`` or the current directory. teachkit.answers holds the answers'
forms and checks (standard library only: it runs in students' kernels); teachkit.grading runs each
submission in its own bubblewrap sandbox.
"""

__all__ = ["answers", "grading", "library", "teaching"]
