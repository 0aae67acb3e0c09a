package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"text/tabwriter"
	"time"

	"singlecam/core/ugc"
)

// runJobs lists the account's recent jobs, newest first.
func runJobs(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("jobs", flag.ContinueOnError)
	fs.SetOutput(stderr)
	limit := fs.Int("limit", 20, "how many jobs to list, a `NUMBER`")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam jobs [--limit N]\n\nLists your recent Move jobs, newest first.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if err := checkRange("limit", float64(*limit), 1, 10000, " jobs"); err != nil {
		fmt.Fprintf(stderr, "singlecam jobs: %v.\n", err)
		return 2
	}
	eng, err := newEngine(".", false, nil)
	if err != nil {
		return fail(stderr, err)
	}
	ctx := context.Background()
	w := tabwriter.NewWriter(stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tNAME\tSTATE\tPROGRESS\tCREATED")
	params := ugc.ListJobsParams{First: min(*limit, 100)}
	for listed := 0; listed < *limit; {
		page, err := eng.Jobs(ctx, params)
		if err != nil {
			return fail(stderr, err)
		}
		for _, j := range page.Jobs {
			if listed == *limit {
				break
			}
			progress := "-"
			if j.Percent != nil {
				progress = fmt.Sprintf("%d%%", *j.Percent)
			}
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", j.ID, j.Name, j.State, progress, j.Created.Local().Format(time.DateTime))
			listed++
		}
		if page.Next == "" {
			break
		}
		params.After = page.Next
	}
	w.Flush()
	return 0
}
