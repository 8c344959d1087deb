"""The curriculum core: content model, loading, validation and page rendering.

Nothing in this package imports MkDocs; the MkDocs plugin and the `curriculum` command are thin
layers over it.
"""
