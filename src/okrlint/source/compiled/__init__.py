"""Validators compiled from okrlint's input schemas by ``python -m okrlint.source.schemacode`` (generated code)."""
