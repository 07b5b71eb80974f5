"""kg_builder: articles about international politics -> an RDF knowledge graph."""

__version__ = "0.1.0"
