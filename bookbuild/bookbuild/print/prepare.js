// Marks each explorer with a line saying where to move it live, unlinks links to the book's own files, and
// collects the solutions for the instructor's PDF.
(where) => {
  for (const el of document.querySelectorAll('.vega-explorer')) {
    const note = document.createElement('p');
    note.className = 'explorer-print-note';
    note.textContent = 'Explorer: this is its opening chart. Move its sliders live in the web book or its '
      + 'offline copy, page ' + where + '.';
    el.after(note);
  }
  // Links within the book would point at the build machine's files: they print as plain text.
  for (const a of document.querySelectorAll('a[href]')) {
    if (a.href.startsWith('file:')) a.removeAttribute('href');
  }
  return [...document.querySelectorAll('.bd-article .solution')].map(s => {
    const copy = s.cloneNode(true);
    copy.querySelectorAll('button, .toggle-button, .headerlink').forEach(b => b.remove());
    return copy.innerHTML;
  });
}
