"""Shared code of the Migration and Development reader: data, charts, tables and (later) models."""
