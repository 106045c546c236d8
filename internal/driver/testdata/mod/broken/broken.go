package broken

func Bad() int { return "not an int" }

func Worse() { undefined() }
