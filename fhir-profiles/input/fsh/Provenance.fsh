Profile: ChestXAIProvenance
Parent: Provenance
Id: chestx-ai-provenance
Title: "ChestXCds AI Provenance (AIProvenance)"
Description: "Provenance of one AI analysis in the AI Transparency on FHIR IG's AIProvenance shape: targets the Observations, reason AIAST, agents the AI Device and the ordering clinician, entities the ImagingStudy and prior reports (source) and the model card (derivation)."
* insert AIAsserted
* target 1..* MS
* target only Reference(ChestXAnalysisObservation or ChestXFindingObservation or ChestXReasoningStepObservation)
* recorded MS
* reason 1..* MS
* reason ^slicing.discriminator.type = #value
* reason ^slicing.discriminator.path = "$this"
* reason ^slicing.rules = #open
* reason contains aiReason 1..1 MS
* reason[aiReason] = $ObsValue#AIAST
* agent ^slicing.discriminator.type = #value
* agent ^slicing.discriminator.path = "role"
* agent ^slicing.rules = #open
* agent contains
    aiAgent 1..1 MS and
    humanAgent 0..* MS
* agent[aiAgent].type 1..1 MS
* agent[aiAgent].type = $ProvAgentType#author
* agent[aiAgent].role 1..1
* agent[aiAgent].role = $AIDeviceType#Artificial-Intelligence
* agent[aiAgent].who only Reference(ChestXAIDevice)
* agent[humanAgent].type 1..1 MS
* agent[humanAgent].type = $ProvAgentType#enterer
* agent[humanAgent].role 1..1
* agent[humanAgent].role = http://terminology.hl7.org/CodeSystem/v3-ParticipationType#ENT
* agent[humanAgent].who only Reference(Practitioner or PractitionerRole)
* entity MS
* entity.what MS
// Sliced on role and the reference's type: prior reports and the study are both "source", and
// what.resolve() cannot be evaluated on a resource validated on its own.
* entity ^slicing.discriminator[0].type = #value
* entity ^slicing.discriminator[0].path = "role"
* entity ^slicing.discriminator[1].type = #value
* entity ^slicing.discriminator[1].path = "what.type"
* entity ^slicing.rules = #open
* entity contains
    imagingStudy 1..1 MS and
    priorReport 0..* MS and
    modelCard 1..1 MS
* entity[imagingStudy].role = #source
* entity[imagingStudy].what only Reference(ImagingStudy)
* entity[imagingStudy].what.type 1..1
* entity[imagingStudy].what.type = "ImagingStudy"
* entity[imagingStudy].what.identifier 1..1 MS
* entity[imagingStudy].what.identifier.system = "urn:dicom:uid"
* entity[priorReport].role = #source
* entity[priorReport].what only Reference(DiagnosticReport)
* entity[priorReport].what.type 1..1
* entity[priorReport].what.type = "DiagnosticReport"
* entity[modelCard].role = #derivation
* entity[modelCard].what only Reference(ChestXModelCardDocument)
* entity[modelCard].what.type 1..1
* entity[modelCard].what.type = "DocumentReference"
