package ugcsim

import (
	"context"
	"regexp"
	"strings"
)

// uploadTypes are the File types createFile accepts (core/contract/API.md).
var uploadTypes = map[string]bool{"mp4": true, "mov": true, "avi": true, "move": true}

// deviceLabelPattern is a slug: lowercase letters, digits and single hyphens.
var deviceLabelPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Documented limits that the service applies to a job's clip window.
const (
	minClipSeconds = 2
	maxClipSeconds = 60
)

func (r *resolver) CreateFile(ctx context.Context, args struct {
	Type     string
	Metadata *awsJSON
	Name     *string
}) (*fileView, error) {
	typ := strings.ToLower(strings.TrimPrefix(args.Type, "."))
	if !uploadTypes[typ] {
		return nil, invalidInput("File type %q is not supported: use mp4, mov, avi or move.", args.Type)
	}
	v, unlock := r.view(ctx)
	defer unlock()
	f := &fileRec{id: newID("file"), name: args.Name, metadata: (*string)(args.Metadata), typ: "." + typ, created: v.now}
	r.s.store.files[f.id] = f
	return v.file(f, true), nil
}

func (r *resolver) UpdateFile(ctx context.Context, args struct {
	ID       string
	Metadata *awsJSON
	Name     *string
}) (*fileView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	f := r.s.store.files[args.ID]
	if f == nil {
		return nil, notFound()
	}
	update(&f.name, &f.metadata, args.Name, args.Metadata)
	return v.file(f, r.s.fileURLReady(f, v.now)), nil
}

type sourceInput struct {
	CameraSettings *struct{ Lens string }
	DeviceLabel    string
	FileID         string
	Format         string
}

func (r *resolver) CreateSingleCamTake(ctx context.Context, args struct {
	Sources  *[]sourceInput
	Metadata *awsJSON
	Name     *string
}) (*takeView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	var sources []sourceInput
	if args.Sources != nil {
		sources = *args.Sources
	}
	recs, err := r.s.checkSingleCamSources(sources)
	if err != nil {
		return nil, err
	}
	t := &takeRec{id: newID("take"), name: args.Name, metadata: (*string)(args.Metadata), created: v.now, sources: recs}
	r.s.store.takes[t.id] = t
	return v.take(t), nil
}

// checkSingleCamSources enforces core/contract/API.md: one video source (MP4, MOV or AVI),
// at most one MOVE source, files that exist and match their format, and one
// device label that is a slug. The caller holds store.mu.
func (s *Simulator) checkSingleCamSources(sources []sourceInput) ([]sourceRec, error) {
	var videos, moves int
	recs := make([]sourceRec, 0, len(sources))
	for _, src := range sources {
		if !deviceLabelPattern.MatchString(src.DeviceLabel) {
			return nil, invalidInput("deviceLabel %q is not valid: use lowercase letters, digits and hyphens, like \"iphone\".", src.DeviceLabel)
		}
		f := s.store.files[src.FileID]
		if f == nil {
			return nil, notFound()
		}
		if want := "." + strings.ToLower(src.Format); f.typ != want {
			return nil, invalidInput("Source %s has format %s but the file was created as %s.", src.FileID, src.Format, f.typ)
		}
		if src.Format == "MOVE" {
			moves++
		} else {
			videos++
		}
		if len(recs) > 0 && recs[0].deviceLabel != src.DeviceLabel {
			return nil, invalidInput("All sources of a single-camera take need the same deviceLabel.")
		}
		rec := sourceRec{deviceLabel: src.DeviceLabel, fileID: src.FileID, format: src.Format}
		if src.CameraSettings != nil {
			rec.lens = &src.CameraSettings.Lens
		}
		recs = append(recs, rec)
	}
	if videos != 1 || moves > 1 {
		return nil, invalidInput("A single-camera take needs exactly one video source (MP4, MOV or AVI) and at most one MOVE source.")
	}
	return recs, nil
}

func (r *resolver) UpdateTake(ctx context.Context, args struct {
	ID       string
	Metadata *awsJSON
	Name     *string
}) (*takeView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	t := r.s.store.takes[args.ID]
	if t == nil {
		return nil, notFound()
	}
	update(&t.name, &t.metadata, args.Name, args.Metadata)
	return v.take(t), nil
}

type clipWindowInput struct {
	StartTime float64
	EndTime   float64
}

type optionsInput struct {
	FloorPlane         *bool
	MocapModel         *string
	TrackBall          *bool
	TrackFingers       *bool
	TrackJerseyNumbers *bool
}

func (r *resolver) CreateSingleCamJob(ctx context.Context, args struct {
	ClipWindow *clipWindowInput
	TakeID     string
	Metadata   *awsJSON
	Name       *string
	Options    *optionsInput
	Outputs    *[]*string
}) (*jobView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	if r.s.store.takes[args.TakeID] == nil {
		return nil, notFound()
	}
	j := &jobRec{
		id: newID("job"), takeID: args.TakeID, name: args.Name, metadata: (*string)(args.Metadata),
		created: v.now, outputs: requestedOutputs(args.Outputs), willFail: r.s.faults.take(&r.s.faults.failJobs),
	}
	if w := args.ClipWindow; w != nil {
		if w.StartTime < 0 || w.EndTime <= w.StartTime {
			return nil, invalidInput("clipWindow must start at 0 s or later and end after it starts (got %g to %g).", w.StartTime, w.EndTime)
		}
		if length := w.EndTime - w.StartTime; length < minClipSeconds || length > maxClipSeconds {
			return nil, invalidInput("clipWindow is %g s long; it must be between %d and %d seconds.", length, minClipSeconds, maxClipSeconds)
		}
		j.clipWindow = &clipWindowRec{start: w.StartTime, end: w.EndTime}
	}
	if o := args.Options; o != nil {
		j.options = &optionsRec{
			floorPlane: o.FloorPlane, trackBall: o.TrackBall, trackFingers: o.TrackFingers,
			trackJerseyNumbers: o.TrackJerseyNumbers, mocapModel: o.MocapModel,
		}
	}
	r.s.store.jobs[j.id] = j
	return v.job(j), nil
}

// requestedOutputs applies the service's defaults to an absent or empty list
// and drops nulls and repeats.
func requestedOutputs(asked *[]*string) []string {
	var out []string
	seen := map[string]bool{}
	if asked != nil {
		for _, o := range *asked {
			if o != nil && !seen[*o] {
				seen[*o] = true
				out = append(out, *o)
			}
		}
	}
	if len(out) == 0 {
		return append([]string(nil), defaultOutputs...)
	}
	return out
}

func (r *resolver) UpdateJob(ctx context.Context, args struct {
	ID       string
	Metadata *awsJSON
	Name     *string
}) (*jobView, error) {
	v, unlock := r.view(ctx)
	defer unlock()
	j := r.s.store.jobs[args.ID]
	if j == nil {
		return nil, notFound()
	}
	update(&j.name, &j.metadata, args.Name, args.Metadata)
	return v.job(j), nil
}

func (r *resolver) UpdateClient(ctx context.Context, args struct{ Metadata awsJSON }) *clientView {
	v, unlock := r.view(ctx)
	defer unlock()
	m := string(args.Metadata)
	r.s.store.client.metadata = &m
	return v.client()
}

// update applies the name and metadata arguments of an update mutation: an
// argument left out keeps the old value.
func update(name, metadata **string, newName *string, newMetadata *awsJSON) {
	if newName != nil {
		*name = newName
	}
	if newMetadata != nil {
		*metadata = (*string)(newMetadata)
	}
}

// Multi-camera capture, volumes, share codes and webhooks are outside what
// the simulator models.

type multiCamJobArgs struct {
	ClipWindow     *clipWindowInput
	TakeID         string
	Metadata       *awsJSON
	Name           *string
	NumberOfActors *int32
	Options        *optionsInput
	Outputs        *[]*string
	Rig            *string
}

func (r *resolver) CreateMultiCamJob(multiCamJobArgs) (*jobView, error) {
	return nil, unsupported("createMultiCamJob")
}

type syncMethodInput struct {
	ClapWindow   *clipWindowInput
	TimecodeSync *struct{ UseTimecode bool }
}

func (r *resolver) CreateMultiCamTake(struct {
	Sources    *[]sourceInput
	SyncMethod *syncMethodInput
	Metadata   *awsJSON
	Name       *string
	VolumeID   string
}) (*takeView, error) {
	return nil, unsupported("createMultiCamTake")
}

func (r *resolver) CreateVolumeWithHuman(struct {
	ClipWindow  *clipWindowInput
	Sources     *[]sourceInput
	SyncMethod  *syncMethodInput
	HumanHeight float64
	AreaType    string
	Metadata    *awsJSON
	Name        *string
}) (*humanVolumeView, error) {
	return nil, unsupported("createVolumeWithHuman")
}

func (r *resolver) GenerateShareCode(struct{ FileID string }) (*shareCodeView, error) {
	return nil, unsupported("generateShareCode")
}

func (r *resolver) UpsertWebhookEndpoint(struct {
	Description *string
	Events      *[]string
	Metadata    *awsJSON
	UID         string
	URL         string
	Secret      *string
}) (*webhookEndpointView, error) {
	return nil, unsupported("upsertWebhookEndpoint")
}
