print("costsim")
