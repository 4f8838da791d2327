// CoopPipeline module
