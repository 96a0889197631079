"""The Qt interface. Nothing outside this package imports PySide6."""
