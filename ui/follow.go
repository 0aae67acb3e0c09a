package ui

import (
	"strings"

	"singlecam/core/outputs"
)

// followers are the open windows that hold a job's file (a player, Apply to
// a character…): a rename of the job moves its folder and files, and each
// of them must find the file where it went, not tell the user it is gone.
type followers struct {
	next int
	all  map[int]func(jobRenamed)
}

// jobRenamed is one rename of a job: what it did on disk, and the job's
// name before and after (a window titled after the job takes the new one).
type jobRenamed struct {
	disk     outputs.Renamed
	from, to string
}

// title is a window title naming the job ("h264 (main.glb)") with the
// job's new name, or title itself when it does not name the job.
func (r jobRenamed) title(title string) string {
	if rest, ok := strings.CutPrefix(title, r.from); ok && r.from != "" && (rest == "" || strings.HasPrefix(rest, " (")) {
		return r.to + rest
	}
	return title
}

// add calls follow after each rename of a job until the returned remove is
// called (when its window closes).
func (f *followers) add(follow func(jobRenamed)) (remove func()) {
	if f.all == nil {
		f.all = map[int]func(jobRenamed){}
	}
	id := f.next
	f.next++
	f.all[id] = follow
	return func() { delete(f.all, id) }
}

// renamed tells every open window of a rename.
func (f *followers) renamed(r jobRenamed) {
	for _, follow := range f.all {
		follow(r)
	}
}
