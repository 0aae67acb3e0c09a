package ugcsim

import (
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
)

// store is the simulator's state: one account's files, takes and jobs.
// Every field is guarded by mu; uploaded bytes live on disk under dir.
type store struct {
	mu     sync.Mutex
	dir    string
	client clientRec
	files  map[string]*fileRec
	takes  map[string]*takeRec
	jobs   map[string]*jobRec
}

type clientRec struct {
	id       string
	name     string
	portal   string
	metadata *string
	created  time.Time
}

type fileRec struct {
	id       string
	name     *string
	metadata *string
	typ      string // as the service reports it, with a leading dot: ".mp4"
	created  time.Time

	// Set once the bytes are on disk (an upload, or an output the job made).
	path       string
	size       int64
	etag       string
	uploadedAt time.Time
	thumbnail  string // path of a PNG, for uploaded source videos
	outputOf   string // the job that made this file, for outputs
}

func (f *fileRec) uploaded() bool { return f.path != "" }

type takeRec struct {
	id       string
	name     *string
	metadata *string
	created  time.Time
	sources  []sourceRec
}

type sourceRec struct {
	deviceLabel string
	fileID      string
	format      string // SourceFormat: MP4, MOV, AVI or MOVE
	lens        *string
}

// videoFileID is the take's one video source.
func (t *takeRec) videoFileID() string {
	for _, s := range t.sources {
		if s.format != "MOVE" {
			return s.fileID
		}
	}
	return ""
}

type jobRec struct {
	id         string
	takeID     string
	name       *string
	metadata   *string
	created    time.Time
	outputs    []string // OutputType names, defaults already applied
	options    *optionsRec
	clipWindow *clipWindowRec
	willFail   bool // a fault asked for this job to fail

	// Made once, when the job is first seen FINISHED: OutputType → file id.
	outputFiles map[string]string
}

type optionsRec struct {
	floorPlane, trackBall, trackFingers, trackJerseyNumbers *bool
	mocapModel                                              *string
}

type clipWindowRec struct{ start, end float64 }

func newStore(dir, clientName string, now time.Time) *store {
	return &store{
		dir: dir,
		client: clientRec{
			id:      "client-" + uuid.NewString(),
			name:    clientName,
			portal:  "https://app.move.ai/",
			created: now,
		},
		files: map[string]*fileRec{},
		takes: map[string]*takeRec{},
		jobs:  map[string]*jobRec{},
	}
}

func newID(prefix string) string { return prefix + "-" + uuid.NewString() }

// newestFirst orders records by creation time, newest first, id breaking ties
// so that paging is stable.
func newestFirst[T any](items []T, created func(T) time.Time, id func(T) string) {
	sort.Slice(items, func(i, j int) bool {
		ci, cj := created(items[i]), created(items[j])
		if !ci.Equal(cj) {
			return ci.After(cj)
		}
		return strings.Compare(id(items[i]), id(items[j])) > 0
	})
}
