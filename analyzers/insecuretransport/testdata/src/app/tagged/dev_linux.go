package tagged

const osDev = false
