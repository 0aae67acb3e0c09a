package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"singlecam/core/joblist"
	"singlecam/core/submit"
)

// runDownload saves a finished job's outputs.
func runDownload(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("download", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", ".", "the `FOLDER` to save the job's folder in")
	only := fs.String("only", "", "only these `OUTPUTS`, comma-separated formats (e.g. main_fbx,render_video)")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam download [--out DIR] [--only FORMATS] JOB_ID\n\n"+
			"Saves a finished job's outputs in a folder named after the job.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	if !outFolderOK(stderr, "download", *out, nil) {
		return 1
	}
	eng, err := newEngine(*out, false, nil)
	if err != nil {
		return fail(stderr, err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	folder, files, err := eng.Download(ctx, fs.Arg(0), splitList(*only))
	if err != nil {
		return fail(stderr, err)
	}
	for _, f := range files {
		note := ""
		if f.Skipped {
			note = " (already there)"
		}
		fmt.Fprintf(stdout, "%s\t%s%s\n", f.Path, submit.HumanBytes(f.Size), note)
	}
	fmt.Fprintf(stderr, "Saved %s in %s\n", joblist.Files(len(files)), folder)
	return 0
}
