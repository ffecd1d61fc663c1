enum CostModelPlaceholder {}
