"""The `hospitality-visit/1` JSON format: `loads` parses and validates (every error names its
JSON path), `dumps` writes a plan back. Local times without an offset are in the visit's zone."""

from hospitality_app.services.json_reader import FORMAT, loads, parse
from hospitality_app.services.json_writer import dumps, local_text, to_data

__all__ = ["FORMAT", "dumps", "loads", "local_text", "parse", "to_data"]
