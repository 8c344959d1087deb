"""The MkDocs layer over the curriculum core: hooks only, no content logic."""
