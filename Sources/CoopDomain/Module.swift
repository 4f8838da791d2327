// CoopDomain module
