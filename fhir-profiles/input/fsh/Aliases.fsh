// Code systems and base definitions the profiles name. AIdeviceTypeCS and AIinputsCS are the
// HL7 AI Transparency on FHIR IG's; the IG package is not a dependency (it is not served by the
// registries this project reaches), so its codes are used as patterns only.
Alias: $ObsValue = http://terminology.hl7.org/CodeSystem/v3-ObservationValue
Alias: $ObsCategory = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $ObsInterp = http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation
Alias: $SCT = http://snomed.info/sct
Alias: $UCUM = http://unitsofmeasure.org
Alias: $AIDeviceType = http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIdeviceTypeCS
Alias: $AIInputs = http://hl7.org/fhir/uv/aitransparency/CodeSystem/AIinputsCS
Alias: $ProvAgentType = http://terminology.hl7.org/CodeSystem/provenance-participant-type
Alias: $ProvEntityRole = http://hl7.org/fhir/provenance-entity-role
Alias: $DicomUid = urn:dicom:uid

// STANDARDS.md: every AI-made resource carries meta.security v3-ObservationValue#AIAST.
RuleSet: AIAsserted
* meta 1..1
* meta.security 1..* MS
* meta.security ^slicing.discriminator.type = #value
* meta.security ^slicing.discriminator.path = "$this"
* meta.security ^slicing.rules = #open
* meta.security contains aiast 1..1 MS
* meta.security[aiast] = $ObsValue#AIAST

// Common to every Observation ChestXCds emits (STANDARDS.md "AI results as FHIR R4 resources").
RuleSet: ChestXObservationCommon
* insert AIAsserted
* status = #preliminary
* category 1..* MS
* category ^slicing.discriminator.type = #value
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains imaging 1..1 MS
* category[imaging] = $ObsCategory#imaging
* subject 1..1 MS
* subject only Reference(Patient)
* basedOn MS
* basedOn only Reference(ServiceRequest)
* partOf MS
* partOf only Reference(ImagingStudy)
* derivedFrom MS
* issued 1..1 MS
* device 1..1 MS
* device only Reference(ChestXAIDevice)
* bodySite 1..1 MS
* bodySite = $SCT#51185008
