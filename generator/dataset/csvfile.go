package dataset

import (
	"os"

	"minhbach/generator/dataset/input"
)

// DefaultMaxField is the longest field, and the longest line, an export may
// have: a cell of a statistics export is short, and a longer one is nearly
// always a quote left open that swallows the rest of the file.
const DefaultMaxField = 1 << 20

// DefaultMaxFileSize is the largest file read, as a guard against runaway files.
const DefaultMaxFileSize = 512 << 20

// OpenInput opens name, a file inside the folder dir, as package dataset
// opens every input: only a regular file reached without a symbolic link
// (see input.Open).
func OpenInput(dir, name string) (*os.File, error) { return input.Open(dir, name) }
