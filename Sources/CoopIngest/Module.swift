// CoopIngest module
