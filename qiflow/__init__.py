"""qiflow: the Fifth Circuit's careful procedure for qualified-immunity discovery, as a checkable machine."""

__version__ = "0.1.0"
