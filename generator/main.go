// Command minhbach turns the statistics a government exports as CSV into a
// fast, accessible, static dashboard site. See README.md.
package main

import (
	"os"

	"minhbach/generator/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
}
