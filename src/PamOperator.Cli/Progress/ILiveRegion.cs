namespace PamOperator.Cli.Progress;

/// <summary>Lines drawn at the bottom of the terminal that other output must go above (the live display).</summary>
internal interface ILiveRegion
{
    /// <summary>Removes the drawn lines; the cursor ends where they started.</summary>
    void Erase();

    /// <summary>Draws the current lines again (after other output).</summary>
    void Draw();
}
