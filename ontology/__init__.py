"""The Chanye ontology (chanye.ttl) and its SHACL shapes (shapes.ttl).

The folder stays at the top of the repository and is installed as the package kg.ontology
(pyproject.toml: package-dir), read through kg.resources. This file makes it a regular package:
setuptools' editable install does not map a namespace package through package-dir
(pypa/setuptools#4943).
"""
