"""The book's data package (CSV files and datapackage.json), installed as widgets._data; see widgets/data.py."""
