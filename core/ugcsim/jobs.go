package ugcsim

import (
	"os"
	"path/filepath"
	"time"
)

// Job states as the service spells them (core/contract/API.md: "NOT STARTED" has a space).
const (
	stateNotStarted = "NOT STARTED"
	stateRunning    = "RUNNING"
	stateFinished   = "FINISHED"
	stateFailed     = "FAILED"
)

// jobStatus is where a job stands at one instant of simulated time.
type jobStatus struct {
	state     string
	percent   *int32
	urlsReady bool // outputs have download URLs
}

// statusOf computes a job's status from the clock alone, so that nothing needs
// to tick in the background. The caller holds store.mu.
func (s *Simulator) statusOf(j *jobRec, now time.Time) jobStatus {
	t := s.cfg.Timing
	start := j.created.Add(s.scaled(t.Queue))
	if now.Before(start) {
		return jobStatus{state: stateNotStarted}
	}
	if !s.videoUploadedBy(j, start) {
		return jobStatus{state: stateFailed, percent: percent(0)}
	}
	processing := s.scaled(t.Processing)
	elapsed := now.Sub(start)
	if j.willFail && elapsed >= processing/2 {
		return jobStatus{state: stateFailed, percent: percent(50)}
	}
	if elapsed < processing {
		if s.faults.flag(&s.faults.nullProgress) {
			return jobStatus{state: stateRunning}
		}
		return jobStatus{state: stateRunning, percent: percent(int32(100 * elapsed / processing))}
	}
	ready := elapsed >= processing+s.scaled(t.OutputURLs) && !s.faults.flag(&s.faults.withheldURLs)
	return jobStatus{state: stateFinished, percent: percent(100), urlsReady: ready}
}

// videoUploadedBy reports whether the job's take had its video uploaded when
// processing was due to start; a job without one fails, as on the service.
func (s *Simulator) videoUploadedBy(j *jobRec, start time.Time) bool {
	take := s.store.takes[j.takeID]
	if take == nil {
		return false
	}
	video := s.store.files[take.videoFileID()]
	return video != nil && video.uploaded() && !video.uploadedAt.After(start)
}

// materializeOutputs makes a finished job's output files, once. The caller
// holds store.mu.
func (s *Simulator) materializeOutputs(j *jobRec, now time.Time) {
	if j.outputFiles != nil {
		return
	}
	j.outputFiles = map[string]string{}
	video := s.store.files[s.store.takes[j.takeID].videoFileID()]
	m := newJobMotion(j, video.path)
	for _, outputType := range j.outputs {
		kind := outputKinds[outputType]
		f := &fileRec{id: newID("file"), name: new(string), typ: kind.ext, created: now, uploadedAt: now, outputOf: j.id}
		if kind.content == nil {
			f.path, f.size, f.etag = video.path, video.size, video.etag
		} else {
			data := kind.content(m)
			f.path = filepath.Join(s.store.dir, f.id+kind.ext)
			if err := os.WriteFile(f.path, data, 0o600); err != nil {
				f.path = "" // a download of it then answers 404, as a lost object would
			}
			f.size, f.etag = int64(len(data)), etagOf(data)
		}
		s.store.files[f.id] = f
		j.outputFiles[outputType] = f.id
	}
}

func percent(p int32) *int32 { return &p }

// fileURLReady reports whether a file's presigned URL may be shown: an
// output's appears only some time after its job finished. The caller holds
// store.mu.
func (s *Simulator) fileURLReady(f *fileRec, now time.Time) bool {
	if f.outputOf == "" {
		return true
	}
	j := s.store.jobs[f.outputOf]
	return j != nil && s.statusOf(j, now).urlsReady
}
