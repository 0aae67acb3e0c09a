package ugc

import (
	"context"

	graphql "github.com/hasura/go-graphql-client"
)

// The plain reads, as the GraphQL client's typed queries: it writes each
// document from the struct's graphql tags and decodes the answer into the same
// struct, so what is asked for and what is read cannot drift apart. The root
// field is a pointer: null (or missing) is told apart from an empty value.

type clientQuery struct {
	Client *wireAccount `graphql:"client"`
}

type getFileQuery struct {
	GetFile *wireFile `graphql:"getFile(fileId: $fileId)"`
}

type getTakeQuery struct {
	GetTake *wireTake `graphql:"getTake(takeId: $takeId)"`
}

type getJobQuery struct {
	GetJob *wireJob `graphql:"getJob(jobId: $jobId)"`
}

type listJobsQuery struct {
	ListJobs *wireJobsPage `graphql:"listJobs(first: $first, after: $after, sortDirection: $sortDirection, takeId: $takeId)"`
}

// The GraphQL client names a variable's type after its Go type; these name
// the schema's own types. Pointers are nullable variables, sent as null when nil.
type (
	awsJSONVar       string
	sortDirectionVar string
)

// GetGraphQLType names the schema's scalar; a pointer receiver, because the
// client asks a nil pointer for it.
func (*awsJSONVar) GetGraphQLType() string { return "AWSJSON" }

// GetGraphQLType names the schema's enum.
func (*sortDirectionVar) GetGraphQLType() string { return "SortDirection" }

func idVars(name, id string) map[string]any {
	return map[string]any{name: graphql.ID(id)}
}

func listJobsVars(p ListJobsParams) map[string]any {
	var first *int
	if p.First > 0 {
		first = &p.First
	}
	var after *awsJSONVar
	if p.After != "" {
		a := awsJSONVar(p.After)
		after = &a
	}
	var takeID *string
	if p.TakeID != "" {
		takeID = &p.TakeID
	}
	direction := sortDirectionVar("DESC")
	if p.Ascending {
		direction = "ASC"
	}
	return map[string]any{"first": first, "after": after, "sortDirection": &direction, "takeId": takeID}
}

// runQuery sends one typed read, retried like every idempotent operation.
// Each attempt decodes into a fresh value, so a retry never sees the
// leftovers of a failed one.
func runQuery[Q any](ctx context.Context, c *Client, op operation, vars map[string]any) (Q, error) {
	var q Q
	err := c.retrying(ctx, op, func() error {
		q = *new(Q)
		return c.gql.Query(ctx, &q, vars, graphql.OperationName(op.name))
	})
	return q, err
}

// Account answers who the key belongs to; use it to check a key.
func (c *Client) Account(ctx context.Context) (Account, error) {
	q, err := runQuery[clientQuery](ctx, c, opClient, nil)
	if err != nil {
		return Account{}, err
	}
	if q.Client == nil {
		return Account{}, missingRoot(opClient)
	}
	return q.Client.account(), nil
}

// GetFile fetches a file with a fresh presigned URL: an upload URL until the
// file is uploaded, a download URL after.
func (c *Client) GetFile(ctx context.Context, fileID string) (File, error) {
	q, err := runQuery[getFileQuery](ctx, c, opGetFile, idVars("fileId", fileID))
	if err != nil {
		return File{}, err
	}
	if q.GetFile == nil {
		return File{}, missingRoot(opGetFile)
	}
	return q.GetFile.file(), nil
}

// GetTake fetches a take.
func (c *Client) GetTake(ctx context.Context, takeID string) (Take, error) {
	q, err := runQuery[getTakeQuery](ctx, c, opGetTake, idVars("takeId", takeID))
	if err != nil {
		return Take{}, err
	}
	if q.GetTake == nil {
		return Take{}, missingRoot(opGetTake)
	}
	return q.GetTake.take(), nil
}

// GetJob fetches a job with its progress and outputs (with fresh URLs).
func (c *Client) GetJob(ctx context.Context, jobID string) (Job, error) {
	q, err := runQuery[getJobQuery](ctx, c, opGetJob, idVars("jobId", jobID))
	if err != nil {
		return Job{}, err
	}
	if q.GetJob == nil {
		return Job{}, missingRoot(opGetJob)
	}
	return q.GetJob.job(), nil
}

// ListJobs fetches one page of jobs.
func (c *Client) ListJobs(ctx context.Context, p ListJobsParams) (JobsPage, error) {
	q, err := runQuery[listJobsQuery](ctx, c, opListJobs, listJobsVars(p))
	if err != nil {
		return JobsPage{}, err
	}
	if q.ListJobs == nil {
		return JobsPage{}, missingRoot(opListJobs)
	}
	page := JobsPage{Next: deref(q.ListJobs.After)}
	for _, item := range q.ListJobs.Items {
		if item != nil {
			page.Jobs = append(page.Jobs, item.job())
		}
	}
	return page, nil
}
