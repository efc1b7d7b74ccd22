# GOOD - All tasks complete before function returns
async fn structured():
    let t1 = spawn(task1())
    let t2 = spawn(task2())
    
    await t1
    await t2
    # Both complete here

# AVOID - Fire-and-forget
async fn unstructured():
    spawn(task1())  # May not complete!
    # Function returns immediately
