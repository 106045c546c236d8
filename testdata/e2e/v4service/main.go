// Command shop is a small go-micro v4 service used by microsec-lint's
// end-to-end tests. Files named fault_* hold planted faults; files named
// clean_* hold look-alikes that must not be reported.
package main

import "log"

func main() {
	svc := ordersService()
	if err := svc.Run(); err != nil {
		log.Fatal(err)
	}
}
