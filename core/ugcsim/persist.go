package ugcsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"time"
)

// keeping saves the account after every request that may have changed it.
func (s *Simulator) keeping(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r)
		if r.Method != http.MethodGet {
			s.saveMu.Lock()
			defer s.saveMu.Unlock()
			_ = s.save() // best effort: a demo that cannot write its state still runs
		}
	})
}

// stateFile is where a simulator with Config.Keep keeps its account between
// runs, inside DataDir (beside the uploaded and generated files).
const stateFile = "account.json"

// snapshot is the store as JSON: the account's files, takes and jobs.
type snapshot struct {
	Key    string     `json:"key"`
	Client snapClient `json:"client"`
	Files  []snapFile `json:"files"`
	Takes  []snapTake `json:"takes"`
	Jobs   []snapJob  `json:"jobs"`
	Saved  time.Time  `json:"saved"`
}

type snapClient struct {
	ID, Name, Portal string
	Metadata         *string
	Created          time.Time
}

type snapFile struct {
	ID, Type, Path, ETag, Thumbnail, OutputOf string
	Name, Metadata                            *string
	Created, UploadedAt                       time.Time
	Size                                      int64
}

type snapSource struct {
	DeviceLabel, FileID, Format string
	Lens                        *string
}

type snapTake struct {
	ID             string
	Name, Metadata *string
	Created        time.Time
	Sources        []snapSource
}

type snapOptions struct {
	FloorPlane, TrackBall, TrackFingers, TrackJerseyNumbers *bool
	MocapModel                                              *string
}

type snapJob struct {
	ID, TakeID     string
	Name, Metadata *string
	Created        time.Time
	Outputs        []string
	Options        *snapOptions
	ClipWindow     *[2]float64
	WillFail       bool
	OutputFiles    map[string]string
}

// save writes the account to DataDir/account.json, atomically.
func (s *Simulator) save() error {
	st := s.store
	st.mu.Lock()
	snap := snapshot{Key: s.key, Saved: s.now(), Client: snapClient{ID: st.client.id, Name: st.client.name,
		Portal: st.client.portal, Metadata: st.client.metadata, Created: st.client.created}}
	for _, f := range st.files {
		snap.Files = append(snap.Files, snapFile{ID: f.id, Type: f.typ, Path: f.path, ETag: f.etag, Thumbnail: f.thumbnail,
			OutputOf: f.outputOf, Name: f.name, Metadata: f.metadata, Created: f.created, UploadedAt: f.uploadedAt, Size: f.size})
	}
	for _, t := range st.takes {
		take := snapTake{ID: t.id, Name: t.name, Metadata: t.metadata, Created: t.created}
		for _, src := range t.sources {
			take.Sources = append(take.Sources, snapSource{DeviceLabel: src.deviceLabel, FileID: src.fileID, Format: src.format, Lens: src.lens})
		}
		snap.Takes = append(snap.Takes, take)
	}
	for _, j := range st.jobs {
		job := snapJob{ID: j.id, TakeID: j.takeID, Name: j.name, Metadata: j.metadata, Created: j.created,
			Outputs: j.outputs, WillFail: j.willFail, OutputFiles: j.outputFiles}
		if o := j.options; o != nil {
			job.Options = &snapOptions{o.floorPlane, o.trackBall, o.trackFingers, o.trackJerseyNumbers, o.mocapModel}
		}
		if c := j.clipWindow; c != nil {
			job.ClipWindow = &[2]float64{c.start, c.end}
		}
		snap.Jobs = append(snap.Jobs, job)
	}
	st.mu.Unlock()
	data, err := json.Marshal(snap)
	if err != nil {
		return err
	}
	path := filepath.Join(s.cfg.DataDir, stateFile)
	if err := os.WriteFile(path+".tmp", data, 0o600); err != nil {
		return fmt.Errorf("simulator state: %w", err)
	}
	return os.Rename(path+".tmp", path)
}

// load reads DataDir/account.json into the store, if it is there.
func (s *Simulator) load() error {
	data, err := os.ReadFile(filepath.Join(s.cfg.DataDir, stateFile))
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("simulator state: %w", err)
	}
	var snap snapshot
	if err := json.Unmarshal(data, &snap); err != nil {
		return fmt.Errorf("simulator state %s: %w", stateFile, err)
	}
	st := s.store
	st.mu.Lock()
	defer st.mu.Unlock()
	if s.cfg.Key == "" && snap.Key != "" {
		s.key = snap.Key
	}
	c := snap.Client
	st.client = clientRec{id: c.ID, name: c.Name, portal: c.Portal, metadata: c.Metadata, created: c.Created}
	for _, f := range snap.Files {
		st.files[f.ID] = &fileRec{id: f.ID, typ: f.Type, path: f.Path, etag: f.ETag, thumbnail: f.Thumbnail, outputOf: f.OutputOf,
			name: f.Name, metadata: f.Metadata, created: f.Created, uploadedAt: f.UploadedAt, size: f.Size}
	}
	for _, t := range snap.Takes {
		take := &takeRec{id: t.ID, name: t.Name, metadata: t.Metadata, created: t.Created}
		for _, src := range t.Sources {
			take.sources = append(take.sources, sourceRec{deviceLabel: src.DeviceLabel, fileID: src.FileID, format: src.Format, lens: src.Lens})
		}
		st.takes[t.ID] = take
	}
	for _, j := range snap.Jobs {
		job := &jobRec{id: j.ID, takeID: j.TakeID, name: j.Name, metadata: j.Metadata, created: j.Created,
			outputs: j.Outputs, willFail: j.WillFail, outputFiles: j.OutputFiles}
		if o := j.Options; o != nil {
			job.options = &optionsRec{o.FloorPlane, o.TrackBall, o.TrackFingers, o.TrackJerseyNumbers, o.MocapModel}
		}
		if c := j.ClipWindow; c != nil {
			job.clipWindow = &clipWindowRec{c[0], c[1]}
		}
		st.jobs[j.ID] = job
	}
	return nil
}
