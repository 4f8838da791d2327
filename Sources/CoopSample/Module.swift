// CoopSample module
