// The page's title as the PDF's bookmarks and running heads name it (bookbuild/takeaway.py).
() => (document.querySelector('.bd-article h1') || {textContent: document.title}).textContent
