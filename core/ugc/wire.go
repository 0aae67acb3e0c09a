package ugc

import (
	"encoding/json"
	"time"
)

// The JSON shapes of the service's answers, and their conversion to the
// client's types. AWSJSON values arrive as strings holding JSON. The json
// tags decode the hand-written mutations' answers; the graphql tags let the
// GraphQL client write the typed reads' selections from these same structs
// (reads.go) and decode into them, so one shape serves both.

type wireAccount struct {
	ID       string  `json:"id" graphql:"id"`
	Name     string  `json:"name" graphql:"name"`
	Portal   *string `json:"portal" graphql:"portal"`
	Created  *string `json:"created" graphql:"created"`
	Metadata *string `json:"metadata" graphql:"metadata"`
}

type wireJobsPage struct {
	After *string    `json:"after" graphql:"after"`
	Items []*wireJob `json:"items" graphql:"items"`
}

type wireFile struct {
	ID           string  `json:"id" graphql:"id"`
	Name         *string `json:"name" graphql:"name"`
	Type         string  `json:"type" graphql:"type"`
	Created      *string `json:"created" graphql:"created"`
	Metadata     *string `json:"metadata" graphql:"metadata"`
	PresignedURL *string `json:"presignedUrl" graphql:"presignedUrl"`
	ThumbnailURL *string `json:"thumbnailUrl" graphql:"thumbnailUrl"`
}

type wireTake struct {
	ID       string  `json:"id" graphql:"id"`
	Name     *string `json:"name" graphql:"name"`
	Created  *string `json:"created" graphql:"created"`
	Metadata *string `json:"metadata" graphql:"metadata"`
	Sources  []*struct {
		DeviceLabel string    `json:"deviceLabel" graphql:"deviceLabel"`
		Format      *string   `json:"format" graphql:"format"`
		File        *wireFile `json:"file" graphql:"file"`
	} `json:"sources" graphql:"sources"`
	VideoFile *wireFile `json:"videoFile" graphql:"videoFile"`
}

type wireJob struct {
	ID       string  `json:"id" graphql:"id"`
	Name     *string `json:"name" graphql:"name"`
	Created  *string `json:"created" graphql:"created"`
	Metadata *string `json:"metadata" graphql:"metadata"`
	State    *string `json:"state" graphql:"state"`
	Progress *struct {
		State              *string `json:"state" graphql:"state"`
		PercentageComplete *int    `json:"percentageComplete" graphql:"percentageComplete"`
	} `json:"progress" graphql:"progress"`
	Inputs *struct {
		ClipWindow *struct {
			StartTime float64 `json:"startTime" graphql:"startTime"`
			EndTime   float64 `json:"endTime" graphql:"endTime"`
		} `json:"clipWindow" graphql:"clipWindow"`
		Options *struct {
			TrackFingers       *bool   `json:"trackFingers" graphql:"trackFingers"`
			FloorPlane         *bool   `json:"floorPlane" graphql:"floorPlane"`
			TrackBall          *bool   `json:"trackBall" graphql:"trackBall"`
			TrackJerseyNumbers *bool   `json:"trackJerseyNumbers" graphql:"trackJerseyNumbers"`
			MocapModel         *string `json:"mocapModel" graphql:"mocapModel"`
		} `json:"options" graphql:"options"`
	} `json:"inputs" graphql:"inputs"`
	Take *struct {
		ID        string `json:"id" graphql:"id"`
		VideoFile *struct {
			ThumbnailURL *string `json:"thumbnailUrl" graphql:"thumbnailUrl"`
		} `json:"videoFile" graphql:"videoFile"`
	} `json:"take" graphql:"take"`
	Outputs []*struct {
		Format *string   `json:"format" graphql:"format"`
		Key    *string   `json:"key" graphql:"key"`
		File   *wireFile `json:"file" graphql:"file"`
	} `json:"outputs" graphql:"outputs"`
}

func (w *wireFile) file() File {
	if w == nil {
		return File{}
	}
	return File{
		ID: w.ID, Name: deref(w.Name), Type: w.Type, Created: parseTime(w.Created),
		PresignedURL: deref(w.PresignedURL), ThumbnailURL: deref(w.ThumbnailURL),
		Metadata: rawJSON(w.Metadata),
	}
}

func (w *wireTake) take() Take {
	t := Take{ID: w.ID, Name: deref(w.Name), Created: parseTime(w.Created), Metadata: rawJSON(w.Metadata)}
	for _, s := range w.Sources {
		if s == nil {
			continue
		}
		src := Source{DeviceLabel: s.DeviceLabel, Format: SourceFormat(deref(s.Format))}
		if s.File != nil {
			f := s.File.file()
			src.File = &f
		}
		t.Sources = append(t.Sources, src)
	}
	if w.VideoFile != nil {
		f := w.VideoFile.file()
		t.VideoFile = &f
	}
	return t
}

func (w *wireJob) job() Job {
	j := Job{ID: w.ID, Name: deref(w.Name), Created: parseTime(w.Created), Metadata: rawJSON(w.Metadata)}
	// progress.state is current; the top-level state is deprecated.
	j.RawState = deref(w.State)
	if w.Progress != nil {
		if w.Progress.State != nil {
			j.RawState = *w.Progress.State
		}
		j.Percent = w.Progress.PercentageComplete
	}
	j.State = ParseJobState(j.RawState)
	if w.Take != nil {
		j.TakeID = w.Take.ID
		if w.Take.VideoFile != nil {
			j.Thumbnail = deref(w.Take.VideoFile.ThumbnailURL)
		}
	}
	if in := w.Inputs; in != nil {
		if cw := in.ClipWindow; cw != nil {
			j.ClipWindow = &ClipWindow{Start: cw.StartTime, End: cw.EndTime}
		}
		if o := in.Options; o != nil {
			j.Options = Options{
				TrackFingers: o.TrackFingers, FloorPlane: o.FloorPlane, TrackBall: o.TrackBall,
				TrackJerseyNumbers: o.TrackJerseyNumbers, MocapModel: MocapModel(deref(o.MocapModel)),
			}
		}
	}
	for _, o := range w.Outputs {
		if o == nil || o.File == nil {
			continue
		}
		out := Output{Format: deref(o.Format), Key: deref(o.Key), File: o.File.file()}
		if out.Format == "" {
			out.Format = out.Key
		}
		j.Outputs = append(j.Outputs, out)
	}
	return j
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func parseTime(s *string) time.Time {
	if s == nil {
		return time.Time{}
	}
	t, err := time.Parse(time.RFC3339Nano, *s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// rawJSON turns an AWSJSON string into the document it holds; a value that
// is not valid JSON is dropped rather than passed on.
func rawJSON(s *string) json.RawMessage {
	if s == nil || !json.Valid([]byte(*s)) {
		return nil
	}
	return json.RawMessage(*s)
}

// awsJSON encodes a document as the string AppSync expects, or nil.
func awsJSON(doc json.RawMessage) any {
	if len(doc) == 0 {
		return nil
	}
	return string(doc)
}

// optional sends "" as null, so empty names are left out.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func (w *wireAccount) account() Account {
	return Account{ID: w.ID, Name: w.Name, Portal: deref(w.Portal), Created: parseTime(w.Created), Metadata: rawJSON(w.Metadata)}
}
