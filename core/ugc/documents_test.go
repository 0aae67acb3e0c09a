package ugc

import (
	"testing"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"singlecam/core/contract"
)

// Every document the client can send must fit the schema, whether or not a
// test happens to send it.
func TestEveryDocumentFitsTheSchema(t *testing.T) {
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: contract.Schema})
	if err != nil {
		t.Fatal(err)
	}
	for _, op := range operations {
		doc, errs := gqlparser.LoadQueryWithRules(schema, op.doc, nil) // nil: the spec's rules
		if errs != nil {
			t.Errorf("%s: %v", op.name, errs)
			continue
		}
		if doc.Operations.ForName(op.name) == nil {
			t.Errorf("%s: the document names no operation %q", op.name, op.name)
		}
	}
}

// The check above must be able to fail: a misspelt field is caught.
func TestSchemaCheckCatchesAMisspeltField(t *testing.T) {
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: contract.Schema})
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := gqlparser.LoadQueryWithRules(schema, `query getJob($jobId: ID!) { getJob(jobId: $jobId) { id progres { state } } }`, nil); errs == nil {
		t.Fatal("a misspelt field passed validation")
	}
}
