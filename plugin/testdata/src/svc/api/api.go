package api // want `package api`
