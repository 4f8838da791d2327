// CoopTransform module
