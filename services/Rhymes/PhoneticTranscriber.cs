using System.Runtime.InteropServices;
using System.Text;

namespace RapAnalyzer.Rhymes;

/// <summary>
/// eSpeak NG's American English transcription of a line, in its ASCII phoneme mnemonics (what
/// <c>espeak-ng -xq -v en-us</c> prints), as Malmi's rhyme code reads lyrics. eSpeak keeps global state and is not
/// thread-safe: one per process, calls taken in turn.
/// </summary>
public sealed class PhoneticTranscriber
{
    public const string Voice = "en-us";

    private static readonly Lock Gate = new();
    private static bool initialized;

    public PhoneticTranscriber()
    {
        lock (Gate)
        {
            if (initialized)
            {
                return;
            }
            try
            {
                // Without DONT_EXIT a missing data folder would end the whole process.
                if (EspeakNg.Initialize(EspeakNg.AudioOutputRetrieval, 0, IntPtr.Zero, EspeakNg.InitializeDontExit) < 0)
                {
                    throw new InvalidOperationException("eSpeak NG could not start: its data (espeak-ng-data) is missing; install the Debian package libespeak-ng1.");
                }
            }
            catch (DllNotFoundException e)
            {
                throw new InvalidOperationException("eSpeak NG (libespeak-ng.so.1) is not installed: run eng/setup.sh or install the Debian package libespeak-ng1.", e);
            }
            if (EspeakNg.SetVoiceByName(Voice) != EspeakNg.Ok)
            {
                throw new InvalidOperationException($"eSpeak NG has no voice '{Voice}'.");
            }
            initialized = true;
        }
    }

    /// <summary>The phonemes of <paramref name="text"/>, its clauses joined by spaces, stress marks kept.</summary>
    public string Transcribe(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }
        // A NUL would end the C string early, leaving the rest unread. Without a final line break eSpeak keeps a
        // trailing "." of ".." for the next call, which then begins with "dot".
        var start = Marshal.StringToCoTaskMemUTF8(text.Replace('\0', ' ') + "\n");
        try
        {
            var phonemes = new StringBuilder();
            lock (Gate)
            {
                var next = start;
                while (next != IntPtr.Zero)
                {
                    var clause = Marshal.PtrToStringUTF8(EspeakNg.TextToPhonemes(ref next, EspeakNg.CharsUtf8, EspeakNg.PhonemeMnemonics));
                    if (!string.IsNullOrWhiteSpace(clause))
                    {
                        phonemes.Append(' ').Append(clause.Trim());
                    }
                }
            }
            return phonemes.Length == 0 ? "" : phonemes.ToString(1, phonemes.Length - 1);
        }
        finally
        {
            Marshal.FreeCoTaskMem(start);
        }
    }
}
