package ugc

import (
	"testing"

	graphql "github.com/hasura/go-graphql-client"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"

	"singlecam/core/contract"
)

// typedReads is every typed read with variables as its method builds them,
// so the test sees the document the GraphQL client will send.
var typedReads = []struct {
	op    operation
	query any
	vars  map[string]any
}{
	{opClient, &clientQuery{}, nil},
	{opGetFile, &getFileQuery{}, idVars("fileId", "file-1")},
	{opGetTake, &getTakeQuery{}, idVars("takeId", "take-1")},
	{opGetJob, &getJobQuery{}, idVars("jobId", "job-1")},
	{opListJobs, &listJobsQuery{}, listJobsVars(ListJobsParams{})},
	{opListJobs, &listJobsQuery{}, listJobsVars(ListJobsParams{First: 5, After: `{"k":1}`, TakeID: "take-1", Ascending: true})},
}

// documents is every document the client can send, by operation name.
func documents(t *testing.T) map[string][]string {
	t.Helper()
	docs := map[string][]string{}
	for _, op := range mutations {
		docs[op.name] = append(docs[op.name], op.doc)
	}
	for _, r := range typedReads {
		doc, err := graphql.ConstructQuery(r.query, r.vars, graphql.OperationName(r.op.name))
		if err != nil {
			t.Fatalf("%s: %v", r.op.name, err)
		}
		docs[r.op.name] = append(docs[r.op.name], doc)
	}
	return docs
}

// Every document the client can send must fit the schema, whether or not a
// test happens to send it.
func TestEveryDocumentFitsTheSchema(t *testing.T) {
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: contract.Schema})
	if err != nil {
		t.Fatal(err)
	}
	docs := documents(t)
	for _, name := range []string{"client", "getFile", "getTake", "getJob", "listJobs",
		"createFile", "createSingleCamTake", "createSingleCamJob", "updateJob"} {
		if len(docs[name]) == 0 {
			t.Errorf("no document for %s", name)
		}
	}
	for name, list := range docs {
		for _, text := range list {
			doc, errs := gqlparser.LoadQueryWithRules(schema, text, nil) // nil: the spec's rules
			if errs != nil {
				t.Errorf("%s: %v\n%s", name, errs, text)
				continue
			}
			if doc.Operations.ForName(name) == nil {
				t.Errorf("%s: the document names no operation %q", name, name)
			}
		}
	}
}

// The check above must be able to fail: a misspelt field is caught, and so
// is a typed read whose variable type does not match the argument.
func TestSchemaCheckCatchesAMisspeltField(t *testing.T) {
	schema, err := gqlparser.LoadSchema(&ast.Source{Name: "schema.graphql", Input: contract.Schema})
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := gqlparser.LoadQueryWithRules(schema, `query getJob($jobId: ID!) { getJob(jobId: $jobId) { id progres { state } } }`, nil); errs == nil {
		t.Fatal("a misspelt field passed validation")
	}
	wrongType, err := graphql.ConstructQuery(&getJobQuery{}, map[string]any{"jobId": 7}, graphql.OperationName("getJob"))
	if err != nil {
		t.Fatal(err)
	}
	if _, errs := gqlparser.LoadQueryWithRules(schema, wrongType, nil); errs == nil {
		t.Fatalf("a variable of the wrong type passed validation: %s", wrongType)
	}
}
