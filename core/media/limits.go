// Package media knows about the files a user brings: which kinds Move's
// service takes, the service's documented limits on them, and (in the probe)
// what a video holds, read from its headers without decoding it.
package media

import (
	"path/filepath"
	"strings"
)

// Limits are the limits Move documents for a job's video. They can change:
// every check reads them from DocumentedLimits, so one edit updates all.
type Limits struct {
	AsOf                   string // when the numbers were read from Move's "Limits" page
	MinSide, MaxSide       int    // width and height, pixels
	MinFPS, MaxFPS         float64
	MinSeconds, MaxSeconds float64 // duration, or clip window length
	MaxBytes               int64
	Containers             []string // documented containers
	Codecs                 []string // documented codecs
}

// DocumentedLimits is Move's "Limits" page as of its date (core/contract/API.md).
var DocumentedLimits = Limits{
	AsOf:       "2026-11",
	MinSide:    300,
	MaxSide:    4096,
	MinFPS:     24,
	MaxFPS:     120,
	MinSeconds: 2,
	MaxSeconds: 60,
	MaxBytes:   500 * 1000 * 1000, // "500 MB"
	Containers: []string{"MP4", "MOV"},
	Codecs:     []string{"H.264", "H.265"},
}

// MaxSinglePut is the most one presigned PUT can carry (5 GiB): a hard cap,
// not a documented limit that a user may override.
const MaxSinglePut int64 = 5 << 30

// Kind is what a file is to Singlecam.
type Kind int

const (
	KindOther Kind = iota
	KindVideo      // mp4, mov, avi
	KindMove       // the Move One app's .move sensor file
)

// videoTypes maps a video extension to the File type createFile takes.
var videoTypes = map[string]string{".mp4": "mp4", ".mov": "mov", ".avi": "avi"}

// KindOf sorts a file by its extension, ignoring case.
func KindOf(path string) Kind {
	ext := strings.ToLower(filepath.Ext(path))
	if _, ok := videoTypes[ext]; ok {
		return KindVideo
	}
	if ext == ".move" {
		return KindMove
	}
	return KindOther
}

// UploadType is the file type createFile takes for path ("mp4", "mov",
// "avi" or "move"), or "" for a file Singlecam does not upload.
func UploadType(path string) string {
	ext := strings.ToLower(filepath.Ext(path))
	if t, ok := videoTypes[ext]; ok {
		return t
	}
	if ext == ".move" {
		return "move"
	}
	return ""
}
