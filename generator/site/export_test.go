package site

import (
	"minhbach/generator/dataset"
	"minhbach/generator/indicator"
)

// BuildWithTemplateHeads builds as Build does, but has Hugo's templates
// write the heads and language switches of the generated pages too
// (Options.templateHeads).
func BuildWithTemplateHeads(ds *dataset.Dataset, res *indicator.Result, opts Options) (Stats, error) {
	opts.templateHeads = true
	return Build(ds, res, opts)
}
