"""PDF documents: one renderer base and one module per document."""
