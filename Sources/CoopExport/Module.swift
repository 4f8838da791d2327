// CoopExport module
