print("coopstat")
