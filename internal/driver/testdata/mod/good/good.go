package good

func Bad() {}

func Fine() {}
