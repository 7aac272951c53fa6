"""lkjip_xl: reconcile an office's budget and performance workbooks into LKjIP tables."""

__version__ = "0.1.0"
