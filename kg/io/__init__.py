"""Layer 1, input: files and folders -> Article (read.py), text -> normalised Text with an offset
map back to the original (normalize.py), and what the text says about itself (metadata.py).
Imports only kg.model and kg.resources."""
