using Microsoft.Extensions.Logging;

namespace ChestXCds.Fhir;

/// <summary>
/// Fhir log messages (EventIds 3000-3999), partial so that each area of the project adds its own
/// file (Log.Reading.cs: 3000-3099). Never a token or a patient identifier.
/// </summary>
internal static partial class Log;
