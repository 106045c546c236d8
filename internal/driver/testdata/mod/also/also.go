package also

func Bad() {}
